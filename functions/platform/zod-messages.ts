import * as z from 'zod/mini';

// zod mini loads no locale: without one, every issue whose schema gives no message of
// its own reads "Invalid input". Clients read these messages in problem documents and
// operators in failed workflow tasks, so validate.ts and task.ts import this module,
// which sets English once per process.
z.config(z.locales.en());
