/** A registered contact as `kamcmd ul.dump` shows it. */
export interface RegisteredContact {
  address: string;
  expires: number;
  received: string;
  socket: string;
  userAgent: string;
  callId: string;
  /** Every field of the contact, as printed. */
  fields: Record<string, string>;
}

interface RpcNode {
  key: string;
  value: string;
  children: RpcNode[];
}

/**
 * Parses kamcmd's indented `Key: value` / `Key: {` ... `}` tree. Only the brace structure is
 * trusted, not the indentation or the order of fields, which vary between Kamailio versions.
 */
export function parseRpcTree(text: string): RpcNode {
  const root: RpcNode = { key: '', value: '', children: [] };
  const stack = [root];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const top = stack[stack.length - 1] ?? root;
    if (line === '' || line === '{') continue;
    if (line === '}') {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const colon = line.indexOf(':');
    const key = colon < 0 ? line : line.slice(0, colon).trim();
    const value = colon < 0 ? '' : line.slice(colon + 1).trim();
    const node: RpcNode = { key, value: value === '{' ? '' : value, children: [] };
    top.children.push(node);
    if (value === '{') stack.push(node);
  }
  return root;
}

function* walk(node: RpcNode): Generator<RpcNode> {
  yield node;
  for (const child of node.children) yield* walk(child);
}

/** Contacts of the AOR `user` (with or without @domain) in an `ul.dump` reply. */
export function contactsFromDump(dump: string, user: string): RegisteredContact[] {
  const contacts: RegisteredContact[] = [];
  for (const node of walk(parseRpcTree(dump))) {
    const aor = node.children.find((c) => c.key === 'AoR')?.value;
    if (aor === undefined || (aor !== user && aor.split('@')[0] !== user)) continue;
    for (const c of walk(node)) {
      if (c.key !== 'Contact' || c.children.length === 0) continue;
      const fields = Object.fromEntries(c.children.map((f) => [f.key, f.value]));
      contacts.push({
        address: fields.Address ?? '',
        expires: Number(fields.Expires ?? NaN),
        received: fields.Received ?? '',
        socket: fields.Socket ?? '',
        userAgent: fields['User-Agent'] ?? '',
        callId: fields['Call-ID'] ?? '',
        fields,
      });
    }
  }
  return contacts;
}
