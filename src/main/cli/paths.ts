// Relative paths on the command line mean the folder the user typed the command in. That is the
// process's working folder, except under `npm run cli`, where npm starts the script in the package
// root and leaves the user's folder in INIT_CWD.
import path from 'node:path'

/**
 * The folder relative paths are resolved against: INIT_CWD when npm moved us to the package root
 * to run a script (`npm run cli`, `npm --prefix <repo> run cli`), else the working folder.
 */
export function userFolder(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const initCwd = env['INIT_CWD']
  const packageJson = env['npm_package_json']
  if (initCwd && packageJson && path.resolve(path.dirname(packageJson)) === path.resolve(cwd)) {
    return path.resolve(initCwd)
  }
  return cwd
}
