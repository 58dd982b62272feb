#!/usr/bin/env node
// The `hearth` command (`npx hearth …` from the checkout). Hearth runs its TypeScript directly
// through tsx, so there is no build step between a checkout and a running service.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
