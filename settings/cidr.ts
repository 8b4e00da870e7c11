// IPv4 CIDR arithmetic for the VPC and its subnets.

export interface Cidr {
    base: number;
    prefix: number;
}

export function parseCidr(text: string): Cidr | undefined {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
    if (!m) return undefined;
    const octets = m.slice(1, 5).map(Number);
    const prefix = Number(m[5]);
    if (octets.some((o) => o > 255) || prefix > 32) return undefined;
    const base = octets.reduce((acc, o) => acc * 256 + o, 0);
    return { base, prefix };
}

export function formatCidr({ base, prefix }: Cidr): string {
    const octets = [24, 16, 8, 0].map((shift) => Math.floor(base / 2 ** shift) % 256);
    return `${octets.join(".")}/${prefix}`;
}

const blockSize = (prefix: number) => 2 ** (32 - prefix);

export const checkVpcCidr = (text: string): string | undefined => {
    const cidr = parseCidr(text);
    if (!cidr || cidr.prefix < 16 || cidr.prefix > 24) return "an IPv4 CIDR with a prefix from /16 to /24, like 10.0.0.0/16";
    return cidr.base % blockSize(cidr.prefix) === 0
        ? undefined
        : `an aligned network address (${formatCidr({ base: cidr.base - (cidr.base % blockSize(cidr.prefix)), prefix: cidr.prefix })})`;
};

export function cidrContains(outer: Cidr, inner: Cidr): boolean {
    return inner.prefix >= outer.prefix && inner.base >= outer.base && inner.base + blockSize(inner.prefix) <= outer.base + blockSize(outer.prefix);
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
    return a.base < b.base + blockSize(b.prefix) && b.base < a.base + blockSize(a.prefix);
}

/** Subnets inside the VPC, not overlapping, each at least a /28. */
export function checkSubnetCidrs(vpc: string, subnets: string[]): string | undefined {
    const outer = parseCidr(vpc);
    if (!outer) return "a valid VPC CIDR";
    const parsed = subnets.map(parseCidr);
    for (const [i, s] of parsed.entries()) {
        if (!s) return `${subnets[i]} to be a valid CIDR`;
        if (s.prefix > 28) return `${subnets[i]} to be /28 or larger`;
        if (!cidrContains(outer, s)) return `${subnets[i]} to lie inside ${vpc}`;
        for (let j = 0; j < i; j++) {
            if (cidrsOverlap(s, parsed[j]!)) return `${subnets[i]} not to overlap ${subnets[j]}`;
        }
    }
    return undefined;
}

/** Splits the VPC into `count` equal subnets (the smallest power of two ≥ count). */
export function splitCidr(vpc: string, count: number): string[] {
    const outer = parseCidr(vpc);
    if (!outer) throw new Error(`not a CIDR: ${vpc}`);
    const prefix = outer.prefix + Math.ceil(Math.log2(count));
    return Array.from({ length: count }, (_, i) => formatCidr({ base: outer.base + i * blockSize(prefix), prefix }));
}

/** IPv6 CIDR arithmetic: the `index`-th subnet of `newPrefix` inside `cidr` (e.g. a /64 of the VPC's /56). */
export function ipv6Subnet(cidr: string, newPrefix: number, index: number): string {
    const [address, prefixText] = cidr.split("/");
    const prefix = Number(prefixText);
    const halves = address!.split("::");
    const groups = (part: string | undefined) => (part ? part.split(":") : []);
    const head = groups(halves[0]);
    const tail = groups(halves[1]);
    const words = [...head, ...Array(8 - head.length - tail.length).fill("0"), ...tail].map((w) => BigInt(`0x${w}`));
    if (words.length !== 8 || !Number.isInteger(prefix) || newPrefix < prefix || newPrefix > 128 || index < 0 || index >= 2 ** (newPrefix - prefix))
        throw new Error(`cannot take subnet ${index} of /${newPrefix} from ${cidr}`);
    const base = words.reduce((acc, w) => (acc << 16n) | w, 0n);
    const value = base | (BigInt(index) << BigInt(128 - newPrefix));
    const out = Array.from({ length: 8 }, (_, i) => ((value >> BigInt(16 * (7 - i))) & 0xffffn).toString(16));
    // Compressed as AWS writes a VPC's block: the first run of zero words becomes "::".
    const text = out.join(":").replace(/(^|:)0(:0)+(:|$)/, "::");
    return `${text}/${newPrefix}`;
}
