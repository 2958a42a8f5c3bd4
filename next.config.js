// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly files from its own package folder at run time, so it
  // must stay out of the server bundle. pino and pg load optional modules dynamically.
  serverExternalPackages: ["@electric-sql/pglite", "pino", "pg", "s3rver"],
  poweredByHeader: false,
  agentRules: false,
  experimental: {
    // By default a server action accepts a 1 MB body and proxy.ts receives only the first 10 MB.
    // Doctors upload PDFs of up to 10 MiB, and multipart framing and the other form fields
    // come on top of the file.
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
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
