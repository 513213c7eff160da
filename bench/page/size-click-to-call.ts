/** Size probe (item 6): the content script's detector and buttons, without WXT's wrapper. */
export { startClickToCall } from '@/utils/crm/click-to-call';
