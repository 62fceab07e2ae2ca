package io.funnelql.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportChromiumSmokeTest {
    @Test
    void chromiumDumpsTheDomOfALocalPage(@TempDir Path directory) throws Exception {
        Path page = directory.resolve("p.html");
        Files.writeString(page, "<!doctype html><title>t</title><p id=x>hello</p>");
        Chromium.Run run = Chromium.find().open(page, List.of("--dump-dom"));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("<p id=\"x\">hello</p>");
    }
}
