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
