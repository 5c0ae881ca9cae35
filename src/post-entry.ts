import { run } from './post.js';

// The post step's bundle entry (dist/post.js); src/post.ts exports run() for @github/local-action.
await run();
