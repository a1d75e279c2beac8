// A status compared with a constant of an assumed library object: only an equal one runs the rest.
function handle(status) {
  if (status !== service.Status.READY) {
    console.log('not ready');
    return false;
  }
  const label = status.toUpperCase();
  console.log('ready:', label);
  return true;
}
console.log(handle(currentStatus));
