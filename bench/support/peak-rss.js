// Preloaded (`node --require`) into a process a benchmark starts: at exit it writes the process's peak RSS
// as the last line on stderr, so the benchmark reads the peak of that process alone.
process.on('exit', () => {
  process.stderr.write(`\n${JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
