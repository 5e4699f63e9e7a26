/** The root of every cached Box read, dropped whole when the person's Box connection changes. */
export const boxKeys = { all: ['box'] as const };
