export { ERROR_CODES, type ErrorCode } from './codes.js';
export { EcloudError, type EcloudErrorJson, type EcloudErrorOptions, toEcloudError } from './ecloud-error.js';
