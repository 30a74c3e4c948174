using LaiChau.CchcDashboard.Features.Documents.Fonts;

namespace LaiChau.CchcDashboard.Tests.Features.Documents;

public sealed class FontLocatorTests
{
    private const string Liberation2 = "/usr/share/fonts/truetype/liberation2";
    private const string Liberation1 = "/usr/share/fonts/truetype/liberation";

    [Fact]
    public void Find_SystemFonts_FindsAFontThatSetsVietnamese()
    {
        var fonts = TestFonts.Require();

        Assert.True(FontLocator.HasGlyphs(fonts.Regular, "ỦỨỰẫặ"));
        Assert.True(FontLocator.HasGlyphs(fonts.BoldItalic, "ỦỨỰẫặ"));
        Assert.DoesNotContain("DejaVu", fonts.Name, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Find_Liberation2Folder_IsAccepted()
    {
        var probe = FontLocator.Find([Liberation2]);

        Assert.Equal("Liberation Serif", probe.Fonts?.Name);
        Assert.Equal(Liberation2, probe.Fonts?.Folder);
    }

    [Fact]
    public void Find_LiberationOneWithoutVietnamese_IsRefusedWithAReason()
    {
        if (!File.Exists(Path.Combine(Liberation1, "LiberationSerif-Regular.ttf")))
        {
            // CI installs fonts-liberation (1.x) on purpose, so this refusal is checked against the real font there.
            if (LaiChau.CchcDashboard.Tests.E2E.BrowserFixture.InCi)
            {
                Assert.Fail("fonts-liberation (Liberation 1.x) is required in CI for this test.");
            }
            Assert.Skip("Liberation 1.x is not installed here (apt-get install fonts-liberation).");
        }
        Assert.False(FontLocator.HasGlyphs(File.ReadAllBytes(Path.Combine(Liberation1, "LiberationSerif-Regular.ttf")), "Ủ"));

        var probe = FontLocator.Find([Liberation1]);

        Assert.False(probe.IsAvailable);
        Assert.Contains(probe.Refused, r => r.Contains("thiếu chữ tiếng Việt", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_SerifWithoutVietnameseGlyphs_IsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("cchc-fonts-");
        try
        {
            foreach (var file in Directory.GetFiles(Liberation2, "LiberationSerif-*.ttf"))
            {
                // Hiding the character map leaves a font that maps no letter, as a font without Vietnamese would.
                var bytes = File.ReadAllBytes(file);
                var at = System.Text.Encoding.Latin1.GetString(bytes, 0, 1024).IndexOf("cmap", StringComparison.Ordinal);
                bytes[at] = (byte)'x';
                File.WriteAllBytes(Path.Combine(folder.FullName, Path.GetFileName(file)), bytes);
            }

            var probe = FontLocator.Find([folder.FullName]);

            Assert.False(probe.IsAvailable);
            Assert.Contains(probe.Refused, r => r.Contains("thiếu chữ tiếng Việt", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Find_DejaVuFolder_IsNeverUsed()
    {
        Assert.False(FontLocator.Find(["/usr/share/fonts/truetype/dejavu"]).IsAvailable);
    }

    [Fact]
    public void Find_EmptyConfiguredFolderWithoutSystemFonts_FindsNothing()
    {
        var empty = Directory.CreateTempSubdirectory("cchc-fonts-");
        try
        {
            var probe = FontLocator.Find(new DocumentsOptions { FontFolder = empty.FullName, SearchSystemFonts = false });

            Assert.False(probe.IsAvailable);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void Find_ConfiguredFolder_IsSearchedFirst()
    {
        var folder = Directory.CreateTempSubdirectory("cchc-fonts-");
        try
        {
            foreach (var file in Directory.GetFiles(Liberation2, "LiberationSerif-*.ttf"))
            {
                File.Copy(file, Path.Combine(folder.FullName, Path.GetFileName(file)));
            }

            var probe = FontLocator.Find(new DocumentsOptions { FontFolder = folder.FullName });

            Assert.Equal(folder.FullName, probe.Fonts?.Folder);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
