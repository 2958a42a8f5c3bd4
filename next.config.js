// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly files from its own package folder at run time, so it
  // must stay out of the server bundle; pino and pg load optional modules dynamically.
  serverExternalPackages: ["@electric-sql/pglite", "pino", "pg", "s3rver"],
  poweredByHeader: false,
  agentRules: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
