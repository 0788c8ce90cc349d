// Dense networks live here (see denseNetwork.ts); this barrel is re-exported by ../index.ts.
export {};
