// Whether a script is the command being run: its own main module (`node` on it), or the entry
// scripts/node22.js loads in-process on Node 22+ (it sets process.argv[1] to the entry's path).
export const isEntry = (m: NodeModule): boolean => require.main === m || process.argv[1] === m.filename;
