/**
 * A value derived once per codeEncounter call instead of once per rule that asks for it.
 *
 * Only for values computed from what does not change while the rules run (the encounter,
 * the settings, the date of service) — never from ctx.lines. The value lives in ctx.memo, a
 * plain Map the engine builds afresh for every call (cheaper to read than a WeakMap keyed by
 * the context), so nothing carries over from one encounter (or one call) to the next.
 * Callers must treat the value as read-only.
 */
export function oncePerEncounter<C extends object, T>(compute: (ctx: C) => T): (ctx: C) => T {
  const slot = {}; // this value's key in ctx.memo
  // Contexts built by hand (tests) have no ctx.memo: keyed by the context object instead.
  const byContext = new WeakMap<C, T>();
  return (ctx) => {
    const memo = (ctx as { memo?: Map<object, unknown> }).memo;
    if (memo) {
      const known = memo.get(slot);
      if (known !== undefined || memo.has(slot)) return known as T;
      const value = compute(ctx);
      memo.set(slot, value);
      return value;
    }
    if (byContext.has(ctx)) return byContext.get(ctx) as T;
    const value = compute(ctx);
    byContext.set(ctx, value);
    return value;
  };
}

/** oncePerEncounter for a value per procedure (keyed by the procedure object, read-only). */
export function oncePerProcedure<C extends object, P extends object, T>(compute: (ctx: C, p: P) => T): (ctx: C, p: P) => T {
  const known = oncePerEncounter((_ctx: C) => new Map<P, T>());
  return (ctx, p) => {
    const values = known(ctx);
    if (values.has(p)) return values.get(p) as T;
    const value = compute(ctx, p);
    values.set(p, value);
    return value;
  };
}
