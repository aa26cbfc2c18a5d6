package eu.aiskills.academy.compute.internal.slurm;

/** Reads GPU counts from Slurm's GRES strings, for example {@code gpu:a100:4(S:0-1),nvme:1} or {@code gpu:lab:2(IDX:0-1)}. */
final class Gres {

    private Gres() {
    }

    static int gpus(String gres) {
        if (gres == null || gres.isBlank() || "(null)".equals(gres) || "N/A".equals(gres)) {
            return 0;
        }
        int total = 0;
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= gres.length(); i++) {
            char c = i < gres.length() ? gres.charAt(i) : ',';
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                total += gpusOfOne(gres.substring(start, i));
                start = i + 1;
            }
        }
        return total;
    }

    private static int gpusOfOne(String item) {
        String plain = item.strip();
        int paren = plain.indexOf('(');
        if (paren >= 0) {
            plain = plain.substring(0, paren);
        }
        if (plain.startsWith("gres/")) {
            plain = plain.substring("gres/".length());
        }
        String[] parts = plain.split(":");
        if (parts.length < 2 || !"gpu".equals(parts[0])) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[parts.length - 1]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
