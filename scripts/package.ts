import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

/**
 * `npm run package`: the deployable zip (.serverless/api.zip) with no AWS credentials and no network.
 * The build folder is kept for its source maps, so it is cleared first: serverless-esbuild would
 * otherwise zip the chunks of earlier builds too. The JWT parameters are placeholders: they only
 * reach the CloudFormation template, which `serverless deploy` renders again with the real ones.
 */
rmSync('.esbuild', { recursive: true, force: true });
rmSync('.serverless', { recursive: true, force: true });

const result = spawnSync(
  'npx',
  [
    'serverless',
    'package',
    '--stage',
    'package',
    '--param=jwtIssuer=https://issuer.example.invalid/',
    '--param=jwtAudience=package-only',
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' },
  },
);
process.exit(result.status ?? 1);
