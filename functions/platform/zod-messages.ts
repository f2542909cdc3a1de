import { en } from 'zod/locales';
import * as z from 'zod/mini';

// zod mini loads no locale: without one, every issue whose schema gives no message of
// its own reads "Invalid input". Clients read these messages in problem documents and
// operators in failed workflow tasks, so validate.ts and task.ts import this module,
// which sets English once per process. `en` comes from 'zod/locales' by name: through
// `z.locales.en` esbuild keeps every locale zod has (270 KB) in the bundle.
z.config(en());
