fn main() {
    clf_prep::mount();
}
