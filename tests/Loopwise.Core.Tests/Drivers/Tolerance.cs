namespace Loopwise.Core.Tests.Drivers;

internal sealed class Tolerance(double epsilon) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

    public int GetHashCode(double obj) => 0;
}
