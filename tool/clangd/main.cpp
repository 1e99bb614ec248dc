// ormlint-clangd: clangd 19 with ormlint's checks built in, so that an editor shows
// orm-* findings as you type and offers their fix-its as quick fixes. Enable them in
// .clangd (docs/integrations.md): clangd's default FastCheckFilter skips checks it has
// no timings for, ours among them.
namespace clang::clangd {
int clangdMain(int argc, char* argv[]);
}

int main(int argc, char* argv[]) { return clang::clangd::clangdMain(argc, argv); }
