package io.funnelql.golden;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fenced code blocks of a Markdown file, with their info string and first line. */
record MarkdownCodeBlocks(Path file, List<Block> blocks) {

    record Block(String language, String text, int line) {}

    static MarkdownCodeBlocks read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```") || lines.get(i).length() == 3) {
                continue;
            }
            String language = lines.get(i).substring(3).strip();
            StringBuilder text = new StringBuilder();
            int start = i + 1;
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            blocks.add(new Block(language, text.toString(), start + 1));
        }
        return new MarkdownCodeBlocks(file, blocks);
    }

    List<Block> withLanguage(String language) {
        return blocks.stream().filter(block -> block.language().equals(language)).toList();
    }
}
