import { Sandbox } from './sandbox.js';

// Only a `run` script needs gh. With one, gh's version is asked for (gh is running once
// startEarly returns) before the rest of the bundle is evaluated, so gh gives it while Node loads
// it; this module's imports load none of that. Without one no gh runs at all (a `sessions` step
// whose sessions bring their own `run` asks gh later, once).
const ghVersion = process.env.INPUT_RUN?.trim() ? Sandbox.startEarly('gh', ['--version']) : undefined;
const { run } = await import(/* webpackMode: "eager" */ './main.js');
await run({ ghVersion });
