const user = await getUser(42);
console.log('got user', user.id);
const posts = await db.posts.findMany({ where: { authorId: user.id } });
console.log('posts:', posts.length);
loadSettings().then(settings => {
  console.log('settings loaded');
  return settings.theme;
}).then(theme => console.log('theme', theme));
