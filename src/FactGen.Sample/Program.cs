using System;
using System.IO;
using FactGen.Sample;

// The README's main job: a readable briefing built entirely from the generated facts.
Console.OutputEncoding = System.Text.Encoding.UTF8;
Console.Write(Briefing.Write());
