/**
 * A value derived once per codeEncounter call instead of once per rule that asks for it.
 *
 * Only for values computed from what does not change while the rules run (the encounter,
 * the settings, the date of service) — never from ctx.lines. The memo is keyed by the rule
 * context, which the engine builds afresh for every call, so nothing carries over from one
 * encounter (or one call) to the next. Callers must treat the value as read-only.
 */
export function oncePerEncounter<C extends object, T>(compute: (ctx: C) => T): (ctx: C) => T {
  const memo = new WeakMap<C, T>();
  return (ctx) => {
    if (memo.has(ctx)) return memo.get(ctx) as T;
    const value = compute(ctx);
    memo.set(ctx, value);
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
