using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace LaiChau.CchcDashboard.Tests.TestInfrastructure;

/// <summary>
/// Debian's nginx running the shipped <c>deploy/nginx/cchc.conf</c> on loopback, in a folder of its
/// own, in front of app instances on local ports. Only what cannot stay as shipped is changed (see
/// <see cref="Render"/>). Without nginx the test is skipped locally and fails in CI (CI=true).
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    public const string NginxPath = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _folder;

    private NginxProxy(Process process, string folder, int httpPort, int httpsPort, string certificateThumbprint)
    {
        CertificateThumbprint = certificateThumbprint;
        _process = process;
        _folder = folder;
        HttpUrl = $"http://127.0.0.1:{httpPort}";
        HttpsUrl = $"https://127.0.0.1:{httpsPort}";
    }

    /// <summary>SHA-256 hash of the throw-away certificate nginx presents (a client trusts this one only).</summary>
    public string CertificateThumbprint { get; }

    /// <summary>The TLS server of the shipped file (the way in).</summary>
    public string HttpsUrl { get; }

    /// <summary>The plain-HTTP server of the shipped file (it only redirects to HTTPS).</summary>
    public string HttpUrl { get; }

    /// <summary>nginx's access log: one line per request, with the instance that answered it (<c>upstream=</c>).</summary>
    public string AccessLog => File.Exists(Path.Combine(_folder, "access.log")) ? File.ReadAllText(Path.Combine(_folder, "access.log")) : "";

    /// <summary>The shipped file, copied beside the tests from deploy/nginx/.</summary>
    public static string ShippedConfPath => Path.Combine(AppContext.BaseDirectory, "deploy", "nginx", "cchc.conf");

    /// <summary>nginx's path, or the skip (locally) / failure (CI) that names the package.</summary>
    public static string RequireNginx()
    {
        if (File.Exists(NginxPath))
        {
            return NginxPath;
        }
        var message = $"nginx was not found at {NginxPath}: install Debian's package 'nginx' to run the reverse-proxy tests.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + " It is required in CI (.ci/run installs it).");
        }
        Assert.Skip(message);
        return "";
    }

    /// <summary>
    /// The shipped file for this machine. Changed, and only these: the upstream's server lines point
    /// at <paramref name="upstreamPorts"/> on loopback (their parameters kept); the two servers listen
    /// on loopback ports instead of 80/443, without the IPv6 lines; the certificate paths are those
    /// of a throw-away self-signed certificate; and the Host header passed on is <c>$http_host</c>
    /// instead of <c>$host</c>, as the file's own comment says for a non-standard port (without the
    /// port, the app's absolute redirects would point at 443). Each change must match exactly once,
    /// so a reshaped shipped file fails here instead of being tested half-rendered.
    /// </summary>
    public static string Render(string shipped, IReadOnlyList<int> upstreamPorts, int httpPort, int httpsPort, string certificatePath, string keyPath)
    {
        ArgumentNullException.ThrowIfNull(upstreamPorts);
        var servers = UpstreamServer().Matches(shipped);
        if (servers.Count < 1)
        {
            throw new InvalidOperationException("The shipped nginx file has no upstream server line.");
        }
        var index = 0;
        var rendered = UpstreamServer().Replace(shipped, match =>
        {
            var i = index++;
            return i < upstreamPorts.Count
                ? string.Create(CultureInfo.InvariantCulture, $"{match.Groups["indent"].Value}server 127.0.0.1:{upstreamPorts[i]}{match.Groups["parameters"].Value};")
                : "";
        });
        // More instances than shipped lines: each one more line, with the first line's parameters.
        for (var i = servers.Count; i < upstreamPorts.Count; i++)
        {
            rendered = rendered.Replace("    keepalive", string.Create(CultureInfo.InvariantCulture,
                $"    server 127.0.0.1:{upstreamPorts[i]}{servers[0].Groups["parameters"].Value};\n    keepalive"), StringComparison.Ordinal);
        }
        rendered = ReplaceOnce(rendered, "listen 80;", $"listen 127.0.0.1:{httpPort};");
        rendered = ReplaceOnce(rendered, "listen [::]:80;", "");
        rendered = ReplaceOnce(rendered, "listen 443 ssl http2;", $"listen 127.0.0.1:{httpsPort} ssl http2;");
        rendered = ReplaceOnce(rendered, "listen [::]:443 ssl http2;", "");
        rendered = SslCertificate().Replace(rendered, $"ssl_certificate     {certificatePath};", 1);
        rendered = SslCertificateKey().Replace(rendered, $"ssl_certificate_key {keyPath};", 1);
        rendered = ReplaceOnce(rendered, "proxy_set_header Host $host;", "proxy_set_header Host $http_host;");
        return rendered;
    }

    /// <summary>Renders the shipped file in a new folder, starts nginx on it and waits until it accepts connections.</summary>
    public static async Task<NginxProxy> StartAsync(IReadOnlyList<int> upstreamPorts)
    {
        var nginx = RequireNginx();
        var folder = Directory.CreateTempSubdirectory("cchc-nginx-").FullName;
        // Worker processes run as an unprivileged user when nginx starts as root (CI): they must be
        // able to reach the temp folders inside this one, which nginx creates and hands to them.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        var (certificatePath, keyPath, thumbprint) = WriteSelfSignedCertificate(folder);
        var httpPort = FreePort();
        var httpsPort = FreePort();
        var site = Render(await File.ReadAllTextAsync(ShippedConfPath), upstreamPorts, httpPort, httpsPort, certificatePath, keyPath);
        await File.WriteAllTextAsync(Path.Combine(folder, "cchc.conf"), site);
        // nginx creates the last level of its temp paths (and gives them to the worker user), not the parents.
        var temp = Directory.CreateDirectory(Path.Combine(folder, "temp")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            {{(Environment.UserName == "root" ? "user nobody nogroup;" : "")}}
            events { worker_connections 256; }
            http {
                log_format upstreams '$remote_addr "$request" $status upstream=$upstream_addr';
                access_log {{folder}}/access.log upstreams;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{folder}}/cchc.conf;
            }
            """);

        var start = new ProcessStartInfo(nginx)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-p", folder + "/", "-c", Path.Combine(folder, "nginx.conf"),
            "-g", $"daemon off; pid {folder}/nginx.pid; error_log {folder}/error.log warn;" })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var proxy = new NginxProxy(process, folder, httpPort, httpsPort, thumbprint);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await AcceptsAsync(httpsPort))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var why = process.HasExited ? $"it exited with {process.ExitCode}" : "no answer";
                var errors = File.Exists(Path.Combine(folder, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "error.log")) : "";
                await proxy.DisposeAsync();
                Assert.Fail($"nginx did not start on the rendered {ShippedConfPath}: {why}.\n{output}\n{errors}\n--- rendered site ---\n{site}");
            }
            await Task.Delay(50);
        }
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder clean-up.
        }
        catch (UnauthorizedAccessException)
        {
            // A temp folder a worker created as another user: left for the temp folder clean-up.
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string ReplaceOnce(string text, string find, string replacement)
    {
        var first = text.IndexOf(find, StringComparison.Ordinal);
        if (first < 0 || text.IndexOf(find, first + find.Length, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"The shipped nginx file should contain \"{find}\" exactly once.");
        }
        return string.Concat(text.AsSpan(0, first), replacement, text.AsSpan(first + find.Length));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A self-signed certificate for 127.0.0.1 and localhost, valid for a day, as PEM files.</summary>
    private static (string Certificate, string Key, string Thumbprint) WriteSelfSignedCertificate(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        var certificatePath = Path.Combine(folder, "fullchain.pem");
        var keyPath = Path.Combine(folder, "privkey.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return (certificatePath, keyPath, certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }

    [GeneratedRegex(@"^(?<indent>[ \t]*)server\s+[^\s;#]+(?<parameters>[^;#\n]*);", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"ssl_certificate\s+[^;]+;")]
    private static partial Regex SslCertificate();

    [GeneratedRegex(@"ssl_certificate_key\s+[^;]+;")]
    private static partial Regex SslCertificateKey();
}
