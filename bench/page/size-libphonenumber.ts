/** Size probe (item 6): what the extension takes from libphonenumber-js, metadata included. */
export * from '@/utils/phone-numbers/libphonenumber';
