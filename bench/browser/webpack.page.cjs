/* Bench-only build of bench/browser/pageEntry.ts: the cases and the core entry points they time,
 * as one script the bench adds to the add-in's page. Same loader and mode as the add-in's build
 * (webpack.config.js), so the core runs as the production bundle compiles it. */
const path = require("path");

/** The webpack configuration writing bench-page.js to `outputPath`. */
module.exports = function benchPageConfig(outputPath) {
  return {
    mode: "production",
    devtool: "source-map",
    entry: { "bench-page": path.join(__dirname, "pageEntry.ts") },
    output: { path: outputPath, filename: "[name].js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
  };
};
