/**
 * HTTPS options for the development server.
 *
 * On Windows and macOS this is what Microsoft's templates do: office-addin-dev-certs creates a
 * developer CA and a localhost certificate and installs the CA so Excel trusts https://localhost.
 * On Linux the install step runs `sudo` (absent here, and Excel does not run on Linux anyway), so
 * we only generate the certificate files, reuse them while they are valid, and serve them; the
 * browser or Excel on the web must then be told to trust ~/.office-addin-dev-certs/ca.crt.
 */
const fs = require("fs");
const { X509Certificate } = require("crypto");
const devCerts = require("office-addin-dev-certs");
// The package's main entry does not re-export its defaults; the paths live in lib/defaults.
const defaults = require("office-addin-dev-certs/lib/defaults");

const files = {
  ca: defaults.caCertificatePath,
  cert: defaults.localhostCertificatePath,
  key: defaults.localhostKeyPath,
};

function certificatesStillValid() {
  if (!Object.values(files).every((file) => fs.existsSync(file))) return false;
  const certificate = new X509Certificate(fs.readFileSync(files.cert));
  const oneDay = 24 * 3600 * 1000;
  return new Date(certificate.validTo).getTime() - Date.now() > oneDay;
}

async function httpsServerOptions() {
  if (process.platform === "win32" || process.platform === "darwin") {
    return devCerts.getHttpsServerOptions();
  }
  if (!certificatesStillValid()) await devCerts.generateCertificates();
  return {
    ca: fs.readFileSync(files.ca),
    cert: fs.readFileSync(files.cert),
    key: fs.readFileSync(files.key),
  };
}

module.exports = { httpsServerOptions, certificateFiles: files };
