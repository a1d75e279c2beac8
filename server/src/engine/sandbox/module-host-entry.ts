// The real-module host (resolver, sucrase transform, file reads) as a bundle of its own, dist/module-host.js: the
// sandbox's worker loads it only for a run that has real modules, so that starting a worker does not parse a
// megabyte of code most runs never use (host.ts, `moduleHostCode`).
export { createModuleHost } from '../modules/host';
export { moduleHostFunction } from '../modules/install';
