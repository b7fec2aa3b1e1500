package io.kubetutor.sim.container;

import java.util.List;

/** The shell's {@code printf}: %s %d %i %x %f %c %%, escapes, and format reuse for extra arguments. */
final class Printf {

  private Printf() {}

  static String format(String fmt, List<String> args) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    do {
      int consumedBefore = next;
      for (int i = 0; i < fmt.length(); i++) {
        char c = fmt.charAt(i);
        if (c == '\\' && i + 1 < fmt.length()) {
          char n = fmt.charAt(++i);
          out.append(switch (n) { case 'n' -> "\n"; case 't' -> "\t"; case '\\' -> "\\"; case 'r' -> "\r"; default -> "\\" + n; });
        } else if (c == '%' && i + 1 < fmt.length()) {
          int j = i + 1;
          while (j < fmt.length() && "-+ 0#.0123456789".indexOf(fmt.charAt(j)) >= 0) j++;
          if (j >= fmt.length()) {
            out.append(fmt, i, j);
            break;
          }
          char conv = fmt.charAt(j);
          String flags = fmt.substring(i + 1, j);
          if (conv == '%') {
            out.append('%');
          } else {
            String arg = next < args.size() ? args.get(next++) : "";
            out.append(convert(conv, flags, arg));
          }
          i = j;
        } else {
          out.append(c);
        }
      }
      if (next == consumedBefore) break;
    } while (next < args.size());
    return out.toString();
  }

  private static String convert(char conv, String flags, String arg) {
    switch (conv) {
      case 'd', 'i' -> {
        return String.format("%" + flags + "d", parseLong(arg));
      }
      case 'x', 'X', 'o' -> {
        return String.format("%" + flags + conv, parseLong(arg));
      }
      case 'f', 'e', 'g' -> {
        double v;
        try {
          v = arg.isEmpty() ? 0 : Double.parseDouble(arg);
        } catch (NumberFormatException e) {
          v = 0;
        }
        return String.format("%" + flags + conv, v);
      }
      case 'c' -> {
        return arg.isEmpty() ? "" : arg.substring(0, 1);
      }
      default -> {
        return flags.isEmpty() ? arg : String.format("%" + flags.replace("0", "") + "s", arg);
      }
    }
  }

  private static long parseLong(String s) {
    try {
      return s.isEmpty() ? 0 : Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
