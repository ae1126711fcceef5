import { existsSync } from 'node:fs';

// Loaded before anything else: entity column types depend on DATABASE_URL at import time.
// Variables already set in the environment win over the file.
const file = process.env.ENV_FILE ?? '.env';
if (existsSync(file)) process.loadEnvFile(file);
