/* Builds the add-in: one shared runtime page (taskpane.html) that loads the custom functions and the
 * React task pane, functions.json generated from JSDoc, the manifest and icons. Follows Microsoft's
 * "Excel custom functions, shared runtime" and React task pane templates. */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { httpsServerOptions } = require("./scripts/devCerts");
const { functionSourceFiles } = require("./scripts/functionSources");

/** The development origin, written in manifest.xml and in the @helpurl tags. */
const DEV_URL = "https://localhost:3000/";
/** The production origin: the one variable to set for a production build. */
const PUBLIC_URL = normaliseUrl(process.env.ADDIN_PUBLIC_URL || DEV_URL);

function normaliseUrl(url) {
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * functions.json needs a flag the JSDoc generator cannot express: allowErrorForDataTypeAny lets
 * Excel pass error cells into `any` parameters, so we can say "cell C7 holds #N/A" instead of Excel
 * silently not calling the function. The production build also swaps the help URLs' origin.
 */
class FunctionsMetadataPostProcessPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsMetadataPostProcess", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "FunctionsMetadataPostProcess",
          stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS + 1,
        },
        (assets) => {
          if (!assets["functions.json"]) return;
          const metadata = JSON.parse(assets["functions.json"].source().toString());
          metadata.allowErrorForDataTypeAny = true;
          const text = JSON.stringify(metadata, null, 2).split(DEV_URL).join(this.baseUrl);
          compilation.updateAsset("functions.json", new webpack.sources.RawSource(text));
        }
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const baseUrl = dev ? DEV_URL : PUBLIC_URL;
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: ["./src/taskpane/index.tsx"],
      // The background worker (src/functions/worker): loaded by functions.js from the same origin,
      // never put into taskpane.html (HtmlWebpackPlugin below lists its chunks).
      // Chunks it loads (the lazy "highs" chunk) come by importScripts: a worker has no document.
      functionsWorker: {
        import: "./src/functions/worker/backgroundWorker.ts",
        chunkLoading: "import-scripts",
      },
    },
    output: {
      // DIVERSIFY_DIST builds elsewhere (the browser tests and benches read the same variable).
      path: path.resolve(process.env.DIVERSIFY_DIST || path.join(__dirname, "dist")),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // workerpool's browser build names Node modules on branches that run only under Node.
      fallback: { worker_threads: false, os: false, child_process: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        {
          // HiGHS (src/functions/lp/highsSolver.ts): highs.mjs asks for its wasm with
          // new URL("highs.wasm", import.meta.url), which webpack emits as this asset beside the
          // lazily loaded "highs" chunk; fetched only when a downside method first runs.
          test: /highs\.wasm$/,
          type: "asset/resource",
          generator: { filename: "[name][ext]" },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    performance: {
      maxAssetSize: 1_500_000,
      maxEntrypointSize: 1_500_000,
      // highs.wasm (3.5 MB) is fetched on demand, never on the start-up path.
      assetFilter: (name) => !name.endsWith(".wasm") && !name.endsWith(".map"),
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionSourceFiles }),
      new FunctionsMetadataPostProcessPlugin(baseUrl),
      new webpack.DefinePlugin({ __ADDIN_BASE_URL__: JSON.stringify(baseUrl) }),
      // highs.mjs imports node:module only on its Node branch (never taken in a browser or worker).
      new webpack.IgnorePlugin({ resourceRegExp: /^node:/, contextRegExp: /highs/ }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the task pane page also hosts the custom functions.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "src/help/help.html",
            to: "help.html",
            transform: (content) => content.toString().split(DEV_URL).join(baseUrl),
          },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().split(DEV_URL).join(baseUrl),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await httpsServerOptions() } : undefined,
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      host: "localhost",
      client: { overlay: { warnings: false } },
    },
  };
};
