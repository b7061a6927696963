using Loopwise.Core.Text;

namespace Loopwise.TextEval;

/// <summary>A 3-class confusion matrix (rows: gold label, columns: predicted) with accuracy and macro-F1.</summary>
internal sealed class Classification
{
    private static readonly SentimentLabel[] Labels = [SentimentLabel.Negative, SentimentLabel.Neutral, SentimentLabel.Positive];

    private readonly int[,] _counts = new int[3, 3];

    public int N { get; private set; }

    public void Add(SentimentLabel gold, SentimentLabel predicted)
    {
        _counts[(int)gold, (int)predicted]++;
        N++;
    }

    public double Accuracy => N == 0 ? double.NaN : (double)(_counts[0, 0] + _counts[1, 1] + _counts[2, 2]) / N;

    /// <summary>The mean F1 over the classes that occur as gold or prediction (F1 = 0 for a class never predicted right).</summary>
    public double MacroF1
    {
        get
        {
            double sum = 0;
            var classes = 0;
            for (var c = 0; c < 3; c++)
            {
                int tp = _counts[c, c], gold = 0, predicted = 0;
                for (var k = 0; k < 3; k++)
                {
                    gold += _counts[c, k];
                    predicted += _counts[k, c];
                }

                if (gold == 0 && predicted == 0)
                {
                    continue;
                }

                classes++;
                sum += tp == 0 ? 0 : 2.0 * tp / (gold + predicted);
            }

            return classes == 0 ? double.NaN : sum / classes;
        }
    }

    public IEnumerable<string> MatrixLines()
    {
        yield return "            predicted: negative  neutral  positive";
        foreach (var gold in Labels)
        {
            yield return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"  gold {gold,-9}        {_counts[(int)gold, 0],8} {_counts[(int)gold, 1],8} {_counts[(int)gold, 2],9}");
        }
    }
}
