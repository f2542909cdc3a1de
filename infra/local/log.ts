import { Logger } from '../../functions/platform/logger.ts';

/**
 * The local runtime's own lines (start-up, the audit rule's events, failures of the
 * stand-ins), shaped like the functions' lines with `service: local-runtime`. Always
 * at INFO: the functions' log level does not silence the runtime telling where it is.
 */
export const localLog = new Logger({ service: 'local-runtime', level: 'INFO' });
