import { bundle } from './bench/bundle-size.ts';
for (const e of process.argv.slice(2)) {
  const { size } = await bundle(e, `/tmp/sz/${e.replaceAll('/', '_')}`);
  console.log(e.padEnd(50), (size.minified / 1024).toFixed(1), 'KB', 'gz', (size.gzipped / 1024).toFixed(1));
}
