import * as core from '@actions/core';
import { cleanup } from './cleanup.js';

try {
  await cleanup();
} catch (error) {
  core.setFailed(`Cleaning up failed: ${error instanceof Error ? error.message : String(error)}`);
}
