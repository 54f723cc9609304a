/** What a read is about: the one target named, or the several as a group, or (neither) the fleet. */
export const scopeOf = (o: {
  target?: string | undefined;
  named?: readonly string[] | undefined;
}): { target?: string; group?: string[] } =>
  o.target ? { target: o.target } : o.named && o.named.length > 1 ? { group: [...o.named] } : {};
