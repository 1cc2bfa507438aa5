// Preloaded into the server by bench/memory.ts (`node --import`): on SIGUSR2 it prints the V8 and
// external memory of the process as one line, after a full garbage collection when gc is exposed.
process.on('SIGUSR2', () => {
  globalThis.gc?.()
  console.error(`MEMORY ${JSON.stringify(process.memoryUsage())}`)
})
