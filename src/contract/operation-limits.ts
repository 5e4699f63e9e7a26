import { z } from 'zod/mini';

/** An operation holds at most this many items; a selector that expands past it fails with a reason. */
export const MAX_OPERATION_ITEMS = 1_000_000;
/** Pasted text: at most this many entries, each at most this long. */
export const MAX_PASTED_ENTRIES = 5000;
export const MAX_PASTED_ENTRY_LENGTH = 254;
/** A mixed-change request holds at most this many changes (the grid's pending cells). */
export const MAX_CHANGES = 10_000;

/** A list of ids in a request, at most `max` of them. */
export const idList = <T extends z.ZodMiniType>(id: T, max = MAX_OPERATION_ITEMS) =>
  z.array(id).check(z.maxLength(max));

/** The changes of one mixed-change request: at least one, at most MAX_CHANGES. */
export const changeList = <T extends z.ZodMiniType>(change: T) =>
  z.array(change).check(z.minLength(1), z.maxLength(MAX_CHANGES));
