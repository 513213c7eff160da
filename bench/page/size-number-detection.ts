/** Size probe (item 6): the background's number reader (libphonenumber-js and its metadata). */
export { createNumberDetection } from '@/utils/background/number-detection';
