#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so `npm start` needs no build step. The Docker image
// runs the compiled dist/ instead.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
