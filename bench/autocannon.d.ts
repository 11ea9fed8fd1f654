// autocannon ships no types; the benchmark uses its documented options and result fields only.
declare module 'autocannon';
