// Preloaded with `node --require` (NODE_OPTIONS refuses --cpu-prof): samples the process with V8's
// profiler from start to exit and writes `<service>-<pid>.cpuprofile` into BENCH_CPU_PROFILE, the
// file `node --cpu-prof` would write. Only the services' own processes (a main.ts entry) are sampled.
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const path = require('node:path');

const entry = /(?:subgraphs\/([a-z0-9-]+)|(gateway))\/src\/main\.ts/.exec(process.argv.join(' '));
if (entry && process.env.BENCH_CPU_PROFILE) {
  const session = new Session();
  session.connect();
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.enable');
  session.post('Profiler.start');
  process.on('exit', () => {
    // The main thread's session answers synchronously, so the profile is written before exit.
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(path.join(process.env.BENCH_CPU_PROFILE, `${entry[1] ?? entry[2]}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
