using System;
using FactGen.Sample.Facts;

Console.WriteLine(Officials.HeLifeng.Native);
