using LaiChau.CchcDashboard.Common;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LaiChau.CchcDashboard.Features.Documents.Layout;

/// <summary>Lays out a document and paints it with PDFsharp: real Unicode text, fonts embedded as subsets.</summary>
public static class PdfRenderer
{
    public static byte[] Render(DocumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var measurer = new PdfTextMeasurer();
        var pages = LayoutEngine.Lay(spec, measurer);

        using var document = new PdfDocument();
        document.Info.Title = Nfc(spec.Title);
        document.Info.Author = Nfc(spec.Author);
        document.Info.Creator = "LaiChau.CchcDashboard";
        document.Info.CreationDate = VietnamTime.ToLocal(spec.CreatedAt).DateTime;
        document.Info.ModificationDate = VietnamTime.ToLocal(spec.CreatedAt).DateTime;

        var thin = new XPen(XColors.Black, 0.5);
        foreach (var ops in pages)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(spec.Page.Width);
            page.Height = XUnit.FromPoint(spec.Page.Height);
            using var gfx = XGraphics.FromPdfPage(page);
            foreach (var op in ops)
            {
                switch (op)
                {
                    case TextOp t:
                        gfx.DrawString(t.Text, measurer.Font(t.Font), XBrushes.Black, t.X, t.Baseline, XStringFormats.BaseLineLeft);
                        break;
                    case LineOp l:
                        gfx.DrawLine(new XPen(XColors.Black, l.Thickness) { DashStyle = l.Dotted ? XDashStyle.Dot : XDashStyle.Solid }, l.X1, l.Y1, l.X2, l.Y2);
                        break;
                    case RectOp r:
                        gfx.DrawRectangle(r.Thickness == 0.5 ? thin : new XPen(XColors.Black, r.Thickness), r.X, r.Y, r.Width, r.Height);
                        break;
                    default:
                        throw new NotSupportedException(op.GetType().Name);
                }
            }
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string Nfc(string text) => text.Normalize(System.Text.NormalizationForm.FormC);
}
