// Preloaded into the server child of the load test only (node --expose-gc --import …): SIGUSR2 runs
// a full garbage collection, so memory is compared live-for-live, not by where V8's lazy collector
// happened to be when the sample was taken. The product itself never installs this.
if (typeof globalThis.gc === 'function') {
  process.on('SIGUSR2', () => globalThis.gc());
}
