/**
 * How long a new password may be: long enough to resist guessing (with the common-password
 * check), short enough that hashing it is no way to tie up the server. The form's hint, its
 * error messages and the check all read these.
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
